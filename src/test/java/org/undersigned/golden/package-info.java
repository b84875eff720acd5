/** Golden checks: the public API, the schema's migrations and a scripted log stay exactly as they were recorded. */
package org.undersigned.golden;
