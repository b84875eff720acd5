/** Transparency: the append-only Merkle log per letter; its merkle and note subpackages are pure (java.* and Bouncy Castle only). */
package org.undersigned.transparency;
