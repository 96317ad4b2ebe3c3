package io.crewexport.runner.faults;

/**
 * A report body as served.
 *
 * @param contentType its content type
 * @param bytes the body
 */
record ReportBody(String contentType, byte[] bytes) {}
