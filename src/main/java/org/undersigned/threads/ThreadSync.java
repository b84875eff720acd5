package org.undersigned.threads;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.nio.file.Path;
import org.jboss.logging.Logger;
import org.undersigned.letters.ContentDir;
import org.undersigned.letters.ContentReloaded;
import org.undersigned.web.StartupJob;

/**
 * Loads thread files at start, after the letters they belong to (a broken file stops the start, naming it), and again
 * whenever the letters are reloaded while running.
 */
@ApplicationScoped
class ThreadSync implements StartupJob {

    private static final Logger LOG = Logger.getLogger(ThreadSync.class);

    private final ThreadService threads;
    private final Path contentDir;

    ThreadSync(ThreadService threads, ContentDir contentDir) {
        this.threads = threads;
        this.contentDir = contentDir.path();
    }

    @Override
    public int order() {
        return Interceptor.Priority.APPLICATION + 600;
    }

    @Override
    public void runAtStart() {
        load("Loaded");
    }

    /** The letters were loaded again while running: their threads follow (a broken file is reported, not fatal). */
    void onReload(@Observes ContentReloaded reloaded) {
        try {
            load("Reloaded");
        } catch (RuntimeException e) {
            LOG.warnf("Threads not reloaded, nothing changed: %s", e.getMessage());
        }
    }

    private void load(String done) {
        int stored = threads.load(new ThreadReader().read(contentDir));
        LOG.infof("%s threads from %s (%d new entries or revisions)", done, contentDir.toAbsolutePath(), stored);
    }
}
