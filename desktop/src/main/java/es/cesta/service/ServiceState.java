package es.cesta.service;

/** Life of the intelligence service as the app sees it. */
public enum ServiceState {
    STOPPED,
    STARTING,
    READY,
    RESTARTING,
    FAILED
}
