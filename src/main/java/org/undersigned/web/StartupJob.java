package org.undersigned.web;

/**
 * A step of the start-up (docs/ARCHITECTURE.md#start-up): loading the content, one-off tasks over existing data, the
 * threads that run once it is all there. {@link StartupJobs} runs the steps in {@link #order()}, off the main thread
 * in production so the JVM warms up meanwhile, and readiness is DOWN until the last one has finished.
 */
public interface StartupJob {

    /** Lower runs first; the steps keep the order their start-up observers had (Interceptor.Priority values). */
    int order();

    /** Does the step; an exception stops the service, as a failed start would. */
    void runAtStart() throws Exception;
}
