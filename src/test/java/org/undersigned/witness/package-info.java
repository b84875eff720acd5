/** Tests of the witness program (witness/Witness.java), run as separate JDK processes. */
package org.undersigned.witness;
