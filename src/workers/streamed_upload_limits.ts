/** What the front and the workers agree on about uploads that start while their body arrives. */

/** The method the front calls to start an early upload; no HTTP path can name it. */
export const STREAM_UPLOAD_METHOD = "#streamUpload";

/** A file part passes this before it is uploaded early (mtcute's own bound for big files). */
export const STREAM_AFTER_BYTES = 10 * 1024 * 1024;
