/** Pure RFC 6962 / RFC 9162 Merkle tree maths: hashing, tree heads, inclusion and consistency proofs, tiles. */
package org.undersigned.transparency.merkle;
