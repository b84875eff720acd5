/** Demo data for dev mode: sample signatures made through the real signing paths, and the demo organiser. */
package org.undersigned.demo;
