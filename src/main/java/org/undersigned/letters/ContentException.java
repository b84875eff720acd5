package org.undersigned.letters;

import java.nio.file.Path;

/** Invalid letter content; the message always names the file and the problem, since it stops the service starting. */
public class ContentException extends RuntimeException {

    public ContentException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public ContentException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
