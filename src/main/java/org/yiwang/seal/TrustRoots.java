package org.yiwang.seal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.jspecify.annotations.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The trust anchors certificate chains must end in: the platform root and the PEM certificates listed in
 * {@code yiwang.seal.trust-roots}. Chains are one level deep: a signing or seal-maker certificate is issued directly
 * by a trust root.
 */
@Component
class TrustRoots {

    private final PlatformCa ca;
    private final List<X509Certificate> configured;
    /** The platform root never changes once made; read once, not on every verification. */
    private volatile @Nullable X509Certificate platformRoot;

    TrustRoots(PlatformCa ca, SealProperties properties) {
        this.ca = ca;
        this.configured = properties.trustRoots().stream().flatMap(r -> load(r).stream()).toList();
    }

    List<X509Certificate> all() {
        List<X509Certificate> roots = new ArrayList<>(configured);
        X509Certificate root = platformRoot;
        if (root == null) {
            root = ca.root().x509();
            platformRoot = root;
        }
        roots.add(0, root);
        return roots;
    }

    /** The trust root that issued and signed {@code certificate}, if any. */
    Optional<X509Certificate> issuerOf(X509Certificate certificate) {
        return all().stream()
                .filter(root -> root.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()))
                .filter(root -> {
                    try {
                        certificate.verify(root.getPublicKey(), Sm2.BC);
                        return true;
                    } catch (Exception e) {
                        return false;
                    }
                })
                .findFirst();
    }

    private static List<X509Certificate> load(Resource pem) {
        try (InputStream in = pem.getInputStream()) {
            return CertificateFactory.getInstance("X.509", Sm2.BC).generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trust root " + pem, e);
        } catch (CertificateException e) {
            throw new IllegalStateException("trust root " + pem + " is not a PEM certificate", e);
        }
    }
}
