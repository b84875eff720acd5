package org.undersigned.letters;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.nio.file.Path;

/** The content folder, the whole key {@code undersigned.content-dir}: {@code letters/<slug>/} and the other files. */
@ConfigMapping(prefix = "undersigned.content-dir")
public interface ContentDir {

    /** Relative paths start at the working directory. */
    @WithParentName
    @WithDefault("content")
    Path path();
}
