/** Web plumbing shared by every feature: layout, error pages, problem+json, security headers; no domain logic. */
package org.undersigned.web;
