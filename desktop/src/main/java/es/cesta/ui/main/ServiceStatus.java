package es.cesta.ui.main;

import es.cesta.service.ServiceState;
import es.cesta.ui.Texts;

/** The words the status bar uses for each service state. */
final class ServiceStatus {

    private ServiceStatus() {}

    static String describe(Texts texts, ServiceState state, int workers, String lastError) {
        return switch (state) {
            case STOPPED -> texts.get("service.stopped");
            case STARTING -> texts.get("service.starting");
            case READY -> workers > 0 ? texts.get("service.readyWorkers", workers) : texts.get("service.ready");
            case RESTARTING -> texts.get("service.restarting");
            case FAILED -> texts.get("service.failed", String.valueOf(lastError));
        };
    }
}
