"""Optical character recognition of ticket images: image clean-up and the engines behind one interface."""
