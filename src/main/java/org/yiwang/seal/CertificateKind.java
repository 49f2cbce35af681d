package org.yiwang.seal;

/** What a stored certificate is for. */
enum CertificateKind {
    /** The platform's root CA (平台根证书). */
    ROOT,
    /** The platform as seal maker (制章者). */
    MAKER,
    /** A department's signing certificate (签章者证书). */
    SIGNER
}
