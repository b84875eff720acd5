/** Letters: loading Markdown content from git into the database, versions, text hashes, rendering and diffs. */
package org.undersigned.letters;
