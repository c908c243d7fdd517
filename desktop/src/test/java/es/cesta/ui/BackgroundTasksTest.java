package es.cesta.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundTasksTest {

    @Test
    void aSlowServiceCallNeverDelaysASaveAndAFailureIsSaidNotSwallowed() throws Exception {
        ExecutorService disk = Executors.newSingleThreadExecutor();
        ExecutorService service = Executors.newSingleThreadExecutor();
        try {
            List<String> said = new CopyOnWriteArrayList<>();
            BackgroundTasks tasks = new BackgroundTasks(disk, service, Runnable::run);
            tasks.onFailure(said::add);
            CountDownLatch serviceAnswers = new CountDownLatch(1);
            CountDownLatch saved = new CountDownLatch(1);
            tasks.run(BackgroundTasks.Lane.SERVICE, "Asking for the next shop", serviceAnswers::await);
            tasks.run(BackgroundTasks.Lane.DISK, "Saving the correction", saved::countDown);
            assertTrue(saved.await(5, TimeUnit.SECONDS), "the save waited for the service call");

            tasks.run(BackgroundTasks.Lane.DISK, "Deleting the ticket", () -> {
                throw new java.io.IOException("disk full");
            });
            CountDownLatch after = new CountDownLatch(1);
            tasks.run(BackgroundTasks.Lane.DISK, "Next", after::countDown);
            assertTrue(after.await(5, TimeUnit.SECONDS), "the lane goes on after a failure");
            assertEquals(List.of("Deleting the ticket: disk full"), said);
            serviceAnswers.countDown();
        } finally {
            disk.shutdownNow();
            service.shutdownNow();
        }
    }
}
