package org.undersigned.threads;

import java.nio.file.Path;

/** A thread file that cannot be published, with the file and the problem in words an organiser can act on. */
public class ThreadContentException extends RuntimeException {

    public ThreadContentException(Path file, String problem) {
        super("Thread file " + file + ": " + problem);
    }
}
