package org.yiwang.seal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.spec.ECNamedCurveSpec;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.department.Department;
import org.yiwang.department.Departments;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffRole;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CreditCode;

/**
 * Seal management for staff (印章管理): department administrators see and manage their department's seals, the
 * platform administrator all. Suspending (暂停), revoking (注销) and reactivating (恢复) a seal need a reason;
 * importing a certificate and SM2 key from an external CA makes new seals bound to it, which take over from the
 * department's seals of the same types.
 */
@Service
class SealAdministration {

    private static final List<SealType> DEFAULT_TYPES = List.of(SealType.OFFICIAL, SealType.LICENCE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final SealRegistry registry;
    private final CertificateStore certificates;
    private final TrustRoots trustRoots;
    private final KeyVault vault;
    private final Departments departments;

    SealAdministration(SealRegistry registry, CertificateStore certificates, TrustRoots trustRoots, KeyVault vault,
            Departments departments) {
        this.registry = registry;
        this.certificates = certificates;
        this.trustRoots = trustRoots;
        this.vault = vault;
        this.departments = departments;
    }

    /** The seals the member may manage. */
    List<Seal> seals(Staff staff) {
        return registry.list(staff.has(StaffRole.PLATFORM_ADMIN) ? null : staff.departmentCode().value());
    }

    /** A seal the member may manage, or SEAL_NOT_FOUND. */
    Seal seal(Staff staff, String id) {
        return registry.find(id).filter(s -> staff.mayManage(CreditCode.of(s.departmentCode())))
                .orElseThrow(() -> new BusinessException(SealError.SEAL_NOT_FOUND, id));
    }

    /** The latest uses of a seal the member may manage. */
    List<SealRegistry.Use> uses(Staff staff, String id) {
        return registry.uses(seal(staff, id).id(), 200);
    }

    Seal changeStatus(Staff staff, String id, SealStatus to, @Nullable String reason) {
        seal(staff, id);
        return registry.changeStatus(id, to, reason == null ? "" : reason, staff.username());
    }

    /**
     * Imports a signing certificate (PEM) and its SM2 private key (PKCS#8 PEM) for a department and makes new seals
     * bound to it for the types the department has (公章 and 电子证照专用章 if none). Refused, each with its own code,
     * unless the certificate is an SM2 certificate valid now, issued by a trust root, names the department (its credit
     * code as the subject's organizationIdentifier or serialNumber), is an end-entity certificate whose key usage, if
     * given, allows signatures, is not imported yet, and the key matches it.
     */
    @Transactional
    List<Seal> importCertificate(Staff staff, CreditCode departmentCode, String certificatePem, String keyPem) {
        if (!staff.mayManage(departmentCode)) {
            throw new BusinessException(SealError.SEAL_NOT_YOUR_DEPARTMENT);
        }
        Department department = departments.require(departmentCode);
        X509Certificate certificate = parseCertificate(certificatePem);
        PrivateKey key = parseKey(keyPem);
        refuseUnless(certificate.getPublicKey() instanceof ECPublicKey ec
                && ec.getParams() instanceof ECNamedCurveSpec named && named.getName().equals("sm2p256v1"),
                SealError.SEAL_IMPORT_NOT_SM2);
        try {
            certificate.checkValidity();
        } catch (java.security.cert.CertificateException e) {
            throw new BusinessException(SealError.SEAL_IMPORT_NOT_VALID_NOW, DATE.format(certificate.getNotBefore()
                    .toInstant()), DATE.format(certificate.getNotAfter().toInstant()));
        }
        refuseUnless(trustRoots.issuerOf(certificate).isPresent(), SealError.SEAL_IMPORT_UNTRUSTED);
        refuseUnless(names(certificate, departmentCode), SealError.SEAL_IMPORT_OTHER_SUBJECT, departmentCode.value());
        refuseUnless(certificate.getBasicConstraints() < 0, SealError.SEAL_IMPORT_CA_CERTIFICATE);
        boolean[] usage = certificate.getKeyUsage();
        refuseUnless(usage == null || usage[0] || usage[1], SealError.SEAL_IMPORT_KEY_USAGE);
        String serial = certificate.getSerialNumber().toString(16);
        refuseUnless(certificate.getSubjectX500Principal().getName().length() <= 500
                && certificate.getIssuerX500Principal().getName().length() <= 500 && serial.length() <= 64,
                SealError.SEAL_IMPORT_NAMES_TOO_LONG);
        byte[] probe = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        refuseUnless(Sm2.verify(certificate.getPublicKey(), probe, Sm2.sign(key, probe)),
                SealError.SEAL_IMPORT_KEY_MISMATCH);
        UUID id = UUID.randomUUID();
        if (!certificates.insert(id, CertificateKind.SIGNER, departmentCode.value(), certificate,
                vault.encrypt(key.getEncoded()), true)) {
            throw new BusinessException(SealError.SEAL_IMPORT_DUPLICATE, serial);
        }
        StoredCertificate stored = certificates.find(id).orElseThrow();
        List<SealType> types = registry.list(departmentCode.value()).stream()
                .filter(s -> s.status() != SealStatus.REVOKED).map(Seal::type).distinct().toList();
        List<Seal> made = new ArrayList<>();
        for (SealType type : types.isEmpty() ? DEFAULT_TYPES : types) {
            made.add(registry.create(departmentCode.value(), department.name(), type, stored, stored.notBefore(),
                    stored.notAfter()));
        }
        return made;
    }

    /** The signing certificates the member may manage. */
    List<StoredCertificate> certificates(Staff staff) {
        return certificates.signers(staff.has(StaffRole.PLATFORM_ADMIN) ? null : staff.departmentCode().value());
    }

    /**
     * Revokes a department's signing certificate (吊销): it goes on the platform CA's revocation list, its seals can
     * no longer seal, and signatures made with it no longer verify.
     */
    StoredCertificate revokeCertificate(Staff staff, UUID id, @Nullable String reason) {
        StoredCertificate certificate = certificates.find(id)
                .filter(c -> c.kind() == CertificateKind.SIGNER && c.departmentCode() != null
                        && staff.mayManage(CreditCode.of(c.departmentCode())))
                .orElseThrow(() -> new BusinessException(SealError.SEAL_CERTIFICATE_NOT_FOUND));
        if (!certificates.revoke(id, Instant.now(), SealError.reason(reason))) {
            throw new BusinessException(SealError.SEAL_CERTIFICATE_REVOKED);
        }
        return certificates.find(id).orElseThrow();
    }

    private static void refuseUnless(boolean holds, SealError error, Object... args) {
        if (!holds) {
            throw new BusinessException(error, args);
        }
    }

    /** Whether the subject carries the department's credit code as organizationIdentifier or serialNumber. */
    private static boolean names(X509Certificate certificate, CreditCode department) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        return Stream.of(BCStyle.ORGANIZATION_IDENTIFIER, BCStyle.SERIALNUMBER)
                .flatMap(type -> Arrays.stream(subject.getRDNs(type)))
                .map(rdn -> IETFUtils.valueToString(rdn.getFirst().getValue()))
                .anyMatch(v -> v.equals(department.value()) || v.equals("NTRCN-" + department.value()));
    }

    private static X509Certificate parseCertificate(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            if (parser.readObject() instanceof X509CertificateHolder holder) {
                return new JcaX509CertificateConverter().setProvider(Sm2.BC).getCertificate(holder);
            }
        } catch (IOException | java.security.cert.CertificateException | RuntimeException e) {
            throw new BusinessException(SealError.SEAL_IMPORT_INVALID);
        }
        throw new BusinessException(SealError.SEAL_IMPORT_INVALID);
    }

    private static PrivateKey parseKey(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            if (parser.readObject() instanceof PrivateKeyInfo info) {
                return new JcaPEMKeyConverter().setProvider(Sm2.BC).getPrivateKey(info);
            }
        } catch (IOException | RuntimeException e) {
            throw new BusinessException(SealError.SEAL_IMPORT_INVALID);
        }
        throw new BusinessException(SealError.SEAL_IMPORT_INVALID);
    }

    static boolean isActiveAt(Seal seal, Instant time) {
        return seal.status() == SealStatus.ACTIVE && seal.validAt(time);
    }
}
