"""How the service runs as a process: Gunicorn (POSIX) or Uvicorn (Windows, dev), and its watchdogs."""
