package es.cesta.ui.main;

import es.cesta.service.ServiceState;

/** The words the status bar uses for each service state. */
final class ServiceStatus {

    private ServiceStatus() {
    }

    static String describe(ServiceState state, int workers, String lastError) {
        return switch (state) {
            case STOPPED -> "Service stopped";
            case STARTING -> "Service starting…";
            case READY -> "Service ready" + (workers > 0 ? " (" + workers + " workers)" : "");
            case RESTARTING -> "Service restarting…";
            case FAILED -> "Service failed: " + lastError;
        };
    }
}
