/** Mail: the transactional outbox, the scheduled sender and its retries; no domain logic. */
package org.undersigned.mail;
