/** Transparency: the append-only Merkle log per letter; its merkle and note subpackages are pure. */
package org.undersigned.transparency;
