/** Static checks of the docker/ and k8s/ deployment files (no container engine runs here). */
package org.undersigned.deploy;
