package es.cesta.client;

import java.time.Duration;

/** 503: every worker holds as much work as it may; worth retrying after {@link #retryAfter()}. */
public class ServiceBusyException extends ServiceException {

    private final Duration retryAfter;

    public ServiceBusyException(String code, String message, Duration retryAfter) {
        super(503, code, message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
