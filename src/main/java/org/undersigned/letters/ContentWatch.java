package org.undersigned.letters;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.undersigned.web.StartupJob;

/**
 * While one writes letters locally ({@code undersigned.content.watch}, on in dev mode): every change under the
 * content folder loads it again, once the files have been quiet for a moment. A folder that does not validate is
 * reported in the log and changes nothing, so a half-written file never takes the service down.
 */
@ApplicationScoped
class ContentWatch implements StartupJob {

    private static final Logger LOG = Logger.getLogger(ContentWatch.class);
    private static final long QUIET_MILLIS = 300;

    /** The keys under {@code undersigned.content}. */
    @ConfigMapping(prefix = "undersigned.content")
    interface Config {
        /** Load the content folder again whenever a file in it changes (on in dev mode). */
        @WithDefault("false")
        boolean watch();
    }

    private final ContentSync sync;
    private final Event<ContentReloaded> reloaded;
    private final Path contentDir;
    private final boolean enabled;
    private volatile WatchService watcher;

    ContentWatch(ContentSync sync, Event<ContentReloaded> reloaded, ContentDir contentDir, Config config) {
        this.sync = sync;
        this.reloaded = reloaded;
        this.contentDir = contentDir.path();
        this.enabled = config.watch();
    }

    // after the start-up loads of letters and threads
    @Override
    public int order() {
        return Interceptor.Priority.APPLICATION + 900;
    }

    @Override
    public void runAtStart() throws IOException {
        if (!enabled) {
            return;
        }
        watcher = FileSystems.getDefault().newWatchService();
        registerAll(contentDir);
        Thread thread = new Thread(this::watch, "content-watch");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("Watching %s: changes are loaded as they are saved", contentDir.toAbsolutePath());
    }

    void stop(@Observes ShutdownEvent event) throws IOException {
        if (watcher != null) {
            watcher.close();
        }
    }

    private void watch() {
        try {
            while (true) {
                settle(watcher.take());
                // more saves usually follow (an editor writes a temporary file, then renames it)
                for (WatchKey more; (more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null; ) {
                    settle(more);
                }
                reload();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // shutting down
        }
    }

    /** Consumes a key's events, watching any folder that was just created. */
    private void settle(WatchKey key) {
        for (var event : key.pollEvents()) {
            if (event.context() instanceof Path name
                    && key.watchable() instanceof Path parent
                    && Files.isDirectory(parent.resolve(name))) {
                try {
                    registerAll(parent.resolve(name));
                } catch (IOException e) {
                    LOG.warnf("Cannot watch %s: %s", parent.resolve(name), e.getMessage());
                }
            }
        }
        key.reset();
    }

    private void reload() {
        try {
            ContentSync.Report report = sync.sync();
            reloaded.fire(new ContentReloaded(report));
            LOG.infof(
                    "Reloaded %d letters from %s (%d new versions)",
                    report.letters(), contentDir.toAbsolutePath(), report.versionsAdded());
        } catch (RuntimeException e) {
            LOG.warnf("Content not reloaded, nothing changed: %s", e.getMessage());
        }
    }

    private void registerAll(Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                dir.register(
                        watcher,
                        StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }
}
