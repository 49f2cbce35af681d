package org.yiwang.seal;

import java.io.FileNotFoundException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.jspecify.annotations.Nullable;
import org.ofdrw.core.basicStructure.ofd.DocBody;
import org.ofdrw.core.basicStructure.ofd.OFD;
import org.ofdrw.core.basicStructure.ofd.docInfo.CT_DocInfo;
import org.ofdrw.core.basicStructure.ofd.docInfo.CustomData;
import org.ofdrw.core.basicStructure.ofd.docInfo.CustomDatas;
import org.ofdrw.core.basicType.ST_Loc;
import org.ofdrw.core.signatures.SigType;
import org.ofdrw.core.signatures.Signatures;
import org.ofdrw.core.signatures.range.Reference;
import org.ofdrw.core.signatures.sig.Signature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Verifies every electronic seal signature of an OFD completely, not only what ofdrw's validator checks: protected
 * files and Signature.xml against their SM3 hashes, Seal.esl against the seal signed, the signer's and the seal
 * maker's SM2 signatures, the seal's binding to the signer's certificate, its validity and status at signing time,
 * the signer's certificate validity at signing time, the chain to a trust root and revocation.
 */
@Component
class SignatureVerifier {

    static final String DOCUMENT_HASH = "DOCUMENT_HASH";
    static final String SEAL_MATCH = "SEAL_MATCH";
    static final String SIGNER_SIGNATURE = "SIGNER_SIGNATURE";
    static final String SEAL_MAKER_SIGNATURE = "SEAL_MAKER_SIGNATURE";
    static final String SEAL_BINDING = "SEAL_BINDING";
    static final String SEAL_VALIDITY = "SEAL_VALIDITY";
    static final String SEAL_STATUS = "SEAL_STATUS";
    static final String CERTIFICATE_VALIDITY = "CERTIFICATE_VALIDITY";
    static final String CERTIFICATE_CHAIN = "CERTIFICATE_CHAIN";
    static final String REVOCATION = "REVOCATION";
    static final String FORMAT = "FORMAT";

    private static final Logger log = LoggerFactory.getLogger(SignatureVerifier.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private static final int REMEMBERED = 1_000;

    private final Map<String, Known> knownCertificates = new ConcurrentHashMap<>();
    private final Map<String, Boolean> makerSignatures = new ConcurrentHashMap<>();
    private final TrustRoots trustRoots;
    private final CertificateStore certificates;
    private final SealRegistry seals;

    SignatureVerifier(TrustRoots trustRoots, CertificateStore certificates, SealRegistry seals) {
        this.trustRoots = trustRoots;
        this.certificates = certificates;
        this.seals = seals;
    }

    VerificationReport verify(byte[] ofd) {
        OfdPackage ofdPackage = OfdPackage.read(ofd);
        if (ofdPackage == null) {
            return VerificationReport.unreadable();
        }
        try {
            DocBody body = new OFD(ofdPackage.xml("OFD.xml")).getDocBody();
            Map<String, String> data = documentData(body);
            ST_Loc listLoc = body.getSignatures();
            if (listLoc == null) {
                return VerificationReport.of(List.of(), data);
            }
            String listPath = OfdPackage.resolve("", listLoc);
            Signatures list = new Signatures(ofdPackage.xml(listPath));
            List<SignatureResult> results = new ArrayList<>();
            for (org.ofdrw.core.signatures.Signature record : list.getSignatures()) {
                results.add(verifyOne(ofdPackage, OfdPackage.directory(listPath), record));
            }
            return VerificationReport.of(results, data);
        } catch (Exception | Error e) {
            if (e instanceof VirtualMachineError vme) {
                throw vme;
            }
            log.info("OFD not readable for verification: {}", e.toString());
            return VerificationReport.unreadable();
        }
    }

    private static Map<String, String> documentData(DocBody body) {
        CT_DocInfo info = body.getDocInfo();
        CustomDatas data = info == null ? null : info.getCustomDatas();
        Map<String, String> values = new LinkedHashMap<>();
        if (data != null) {
            for (CustomData d : data.getCustomDatas()) {
                if (d.getDataName() != null && d.getValue() != null) {
                    values.putIfAbsent(d.getDataName(), d.getValue());
                }
            }
        }
        return values;
    }

    private SignatureResult verifyOne(OfdPackage ofd, String listDir, org.ofdrw.core.signatures.Signature record) {
        String id = String.valueOf(record.getID());
        if (record.getType() == SigType.Sign) {
            return failed(id, "SIGN", "该签名为数字签名（GB/T 35275），不是电子签章，不支持验证");
        }
        try {
            String signaturePath = OfdPackage.resolve(listDir, record.getBaseLoc());
            String dir = OfdPackage.directory(signaturePath);
            Signature signature = new Signature(ofd.xml(signaturePath));
            byte[] signatureXml = ofd.bytes(signaturePath);
            Check files = protectedFiles(ofd, dir, signature);
            SesSignature ses;
            try {
                ses = SesSignature.parse(ofd.bytes(dir, signature.getSignedValue()));
            } catch (RuntimeException e) {
                return failed(id, "UNKNOWN", "签章数据（SignedValue.dat）不是 GB/T 38540 或 GM/T 0031 格式的电子签章数据");
            }
            byte[] sealFile = signature.getSignedInfo().getSeal() == null ? null
                    : ofd.bytes(dir, signature.getSignedInfo().getSeal().getBaseLoc());
            return evaluate(id, ses, files, signatureXml, sealFile);
        } catch (FileNotFoundException e) {
            return failed(id, "UNKNOWN", "签名文件缺失：" + e.getMessage());
        } catch (Exception e) {
            log.info("Signature {} not readable: {}", id, e.toString());
            return failed(id, "UNKNOWN", "签名文件无法解析：" + e.getClass().getSimpleName());
        }
    }

    private SignatureResult evaluate(String id, SesSignature ses, Check files, byte[] signatureXml,
            byte @Nullable [] sealFile) {
        List<Check> checks = new ArrayList<>();
        Instant at = ses.signedAt();
        if (!files.passed()) {
            checks.add(files);
        } else if (!Arrays.equals(Sm2.sm3(signatureXml), ses.dataHash())) {
            checks.add(Check.fail(DOCUMENT_HASH, "签名描述文件 Signature.xml 的 SM3 杂凑值与签章数据中的原文杂凑值不一致，"
                    + "签名范围已被篡改"));
        } else {
            checks.add(files);
        }
        if (sealFile == null) {
            checks.add(Check.pass(SEAL_MATCH, "签名未单独附印章文件，以签章数据中的印章为准"));
        } else if (Arrays.equals(sealFile, ses.sealDer())) {
            checks.add(Check.pass(SEAL_MATCH, "印章文件 Seal.esl 与签章数据中的印章一致"));
        } else {
            checks.add(Check.fail(SEAL_MATCH, "印章文件 Seal.esl 与签章数据中签名的印章不一致，印章已被替换"));
        }
        Known signerKnown = known(ses.signerCertificate());
        Known makerKnown = known(ses.makerCertificate());
        X509Certificate signer = signerKnown == null ? null : signerKnown.x509();
        X509Certificate maker = makerKnown == null ? null : makerKnown.x509();
        String signerName = signer == null ? null : commonName(signer);
        checks.add(signer != null && Sm2.verify(signer.getPublicKey(), ses.signedData(), ses.signature())
                ? Check.pass(SIGNER_SIGNATURE, "签章者 " + signerName + " 的 SM2 签名值验证通过")
                : Check.fail(SIGNER_SIGNATURE, signer == null ? "签章者证书无法解析"
                        : "签章者 " + signerName + " 的 SM2 签名值验证失败，签章数据已被篡改或非该证书所签"));
        checks.add(maker != null && makerSignatureValid(ses, maker)
                ? Check.pass(SEAL_MAKER_SIGNATURE, "制章者 " + commonName(maker) + " 对印章的签名验证通过")
                : Check.fail(SEAL_MAKER_SIGNATURE, maker == null ? "制章者证书无法解析"
                        : "制章者 " + commonName(maker) + " 对印章的签名验证失败，印章数据已被篡改"));
        checks.add(ses.binds(ses.signerCertificate())
                ? Check.pass(SEAL_BINDING, "签章者证书属于印章“" + ses.sealName() + "”绑定的证书")
                : Check.fail(SEAL_BINDING, "签章者证书不在印章“" + ses.sealName() + "”绑定的证书列表中，不得使用该印章"));
        checks.add(sealValidity(ses, at));
        checks.add(sealStatus(ses, at));
        checks.add(certificateValidity(signer, at));
        checks.add(chain(signerKnown, makerKnown));
        checks.add(revocation(signer, maker));
        boolean valid = checks.stream().allMatch(Check::passed);
        return new SignatureResult(id, ses.format(), ses.sealName(), ses.sealId(), signerName, at, valid, checks);
    }

    private Check protectedFiles(OfdPackage ofd, String dir, Signature signature) {
        var references = signature.getSignedInfo().getReferences();
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(digestName(references.getCheckMethod()), Sm2.BC);
        } catch (NoSuchAlgorithmException e) {
            return Check.fail(DOCUMENT_HASH, "不支持的杂凑算法：" + references.getCheckMethod());
        }
        int count = 0;
        for (Reference reference : references.getReferences()) {
            ST_Loc file = reference.getFileRef();
            byte[] content;
            try {
                content = ofd.bytes(dir, file);
            } catch (Exception e) {
                return Check.fail(DOCUMENT_HASH, "受保护文件 " + file + " 缺失，文档已被篡改");
            }
            if (!MessageDigest.isEqual(digest.digest(content), reference.getCheckValue())) {
                return Check.fail(DOCUMENT_HASH, "受保护文件 " + file + " 的 SM3 杂凑值与签名时不一致，文档已被篡改");
            }
            count++;
        }
        return Check.pass(DOCUMENT_HASH, count + " 个受保护文件及签名描述文件的 SM3 杂凑值均与签名时一致");
    }

    private static String digestName(@Nullable String method) {
        if (method == null || method.isBlank() || method.equals("1.2.156.10197.1.401")
                || method.equalsIgnoreCase("SM3")) {
            return "SM3";
        }
        return method;
    }

    private static Check sealValidity(SesSignature ses, @Nullable Instant at) {
        String period = TIME.format(ses.sealValidStart()) + " 至 " + TIME.format(ses.sealValidEnd());
        if (at == null) {
            return Check.fail(SEAL_VALIDITY, "签章时间无法识别，不能判断印章是否在有效期（" + period + "）内");
        }
        return !at.isBefore(ses.sealValidStart()) && !at.isAfter(ses.sealValidEnd())
                ? Check.pass(SEAL_VALIDITY, "签章时间 " + TIME.format(at) + " 在印章有效期（" + period + "）内")
                : Check.fail(SEAL_VALIDITY, "签章时间 " + TIME.format(at) + " 不在印章有效期（" + period + "）内");
    }

    private Check sealStatus(SesSignature ses, @Nullable Instant at) {
        Optional<SealRegistry.State> registered = seals.state(ses.sealId())
                .filter(seal -> Arrays.equals(seal.seseal(), ses.sealDer()));
        if (registered.isEmpty()) {
            return Check.pass(SEAL_STATUS, "印章“" + ses.sealName() + "”（" + ses.sealId()
                    + "）非本平台登记的印章，其状态由制章方管理");
        }
        SealRegistry.State seal = registered.get();
        String when = seal.changedAt() == null ? "" : TIME.format(seal.changedAt());
        return switch (seal.status()) {
            case ACTIVE -> Check.pass(SEAL_STATUS, "印章“" + seal.name() + "”状态有效");
            case REVOKED -> Check.fail(SEAL_STATUS, "印章“" + seal.name() + "”已于 " + when + " 注销（"
                    + seal.reason() + "）");
            case SUSPENDED -> at == null || !seal.changedAt().isAfter(at)
                    ? Check.fail(SEAL_STATUS, "签章时印章“" + seal.name() + "”已暂停使用（自 " + when + "，"
                            + seal.reason() + "）")
                    : Check.pass(SEAL_STATUS, "签章时印章“" + seal.name() + "”有效（" + when + " 起暂停使用）");
        };
    }

    private static Check certificateValidity(@Nullable X509Certificate signer, @Nullable Instant at) {
        if (signer == null) {
            return Check.fail(CERTIFICATE_VALIDITY, "签章者证书无法解析");
        }
        Instant from = signer.getNotBefore().toInstant();
        Instant to = signer.getNotAfter().toInstant();
        String period = TIME.format(from) + " 至 " + TIME.format(to);
        if (at == null) {
            return Check.fail(CERTIFICATE_VALIDITY, "签章时间无法识别，不能判断签章者证书是否在有效期（" + period + "）内");
        }
        if (at.isAfter(to)) {
            return Check.fail(CERTIFICATE_VALIDITY, "签章者证书已于 " + TIME.format(to) + " 过期，签章时间为 "
                    + TIME.format(at));
        }
        if (at.isBefore(from)) {
            return Check.fail(CERTIFICATE_VALIDITY, "签章时间 " + TIME.format(at) + " 早于签章者证书生效时间 "
                    + TIME.format(from));
        }
        return Check.pass(CERTIFICATE_VALIDITY, "签章时间 " + TIME.format(at) + " 在签章者证书有效期（" + period + "）内");
    }

    private static Check chain(@Nullable Known signer, @Nullable Known maker) {
        if (signer == null || maker == null) {
            return Check.fail(CERTIFICATE_CHAIN, "证书无法解析");
        }
        for (Known certificate : List.of(signer, maker)) {
            String role = certificate == signer ? "签章者" : "制章者";
            if (!certificate.fromTrustRoot()) {
                return Check.fail(CERTIFICATE_CHAIN, role + "证书（" + commonName(certificate.x509())
                        + "）不是由受信任的根证书签发：" + certificate.x509().getIssuerX500Principal().getName());
            }
        }
        return Check.pass(CERTIFICATE_CHAIN, "签章者证书和制章者证书均由受信任的根证书签发");
    }

    private Check revocation(@Nullable X509Certificate signer, @Nullable X509Certificate maker) {
        if (signer == null || maker == null) {
            return Check.fail(REVOCATION, "证书无法解析，不能检查吊销状态");
        }
        List<CertificateStore.Revocation> known = certificates.revocations(List.of(signer, maker));
        boolean allKnown = true;
        for (X509Certificate certificate : List.of(signer, maker)) {
            String role = certificate == signer ? "签章者" : "制章者";
            Optional<CertificateStore.Revocation> record = known.stream()
                    .filter(r -> r.issuer().equals(certificate.getIssuerX500Principal().getName())
                            && r.serialNumber().equals(certificate.getSerialNumber().toString(16)))
                    .findFirst();
            if (record.isPresent() && record.get().revokedAt() != null) {
                return Check.fail(REVOCATION, role + "证书（" + commonName(certificate) + "，序列号 "
                        + record.get().serialNumber() + "）已于 " + TIME.format(record.get().revokedAt()) + " 吊销（"
                        + record.get().reason() + "）");
            }
            allKnown &= record.isPresent();
        }
        return Check.pass(REVOCATION, allKnown ? "签章者证书和制章者证书均未被吊销"
                : "平台吊销列表中没有这些证书的吊销记录（外部 CA 签发的证书以其 CA 的吊销列表为准）");
    }

    private static SignatureResult failed(String id, String format, String message) {
        return new SignatureResult(id, format, null, null, null, null, false, List.of(Check.fail(FORMAT, message)));
    }

    /** A certificate as verification needs it: parsed, and whether a trust root issued and signed it. */
    private record Known(X509Certificate x509, boolean fromTrustRoot) {
    }

    /**
     * The certificate parsed and its chain checked, remembered by its fingerprint: the same few certificates sign
     * every licence. Null if it is not a certificate. Revocation is not remembered; it is read at every verification.
     */
    private @Nullable Known known(byte[] der) {
        String key = fingerprint(der);
        Known known = knownCertificates.get(key);
        if (known == null) {
            X509Certificate certificate;
            try {
                certificate = Sm2.certificate(der);
            } catch (IllegalArgumentException e) {
                return null;
            }
            known = new Known(certificate, trustRoots.issuerOf(certificate).isPresent());
            remember(knownCertificates, key, known);
        }
        return known;
    }

    /** The seal maker's signature over the seal, remembered by the fingerprint of the seal, which holds all it covers. */
    private boolean makerSignatureValid(SesSignature ses, X509Certificate maker) {
        String key = fingerprint(ses.sealDer());
        Boolean valid = makerSignatures.get(key);
        if (valid == null) {
            valid = Sm2.verify(maker.getPublicKey(), ses.makerSignedData(), ses.makerSignature());
            remember(makerSignatures, key, valid);
        }
        return valid;
    }

    /** What the memories are keyed by: SHA-256, much faster than SM3 here, and as collision-resistant. */
    private static String fingerprint(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bounded: whoever uploads files chooses the keys, so the memory is dropped when full and filled again. */
    private static <V> void remember(Map<String, V> memory, String key, V value) {
        if (memory.size() >= REMEMBERED) {
            memory.clear();
        }
        memory.put(key, value);
    }

    static String commonName(X509Certificate certificate) {
        X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        var cn = name.getRDNs(BCStyle.CN);
        return cn.length == 0 ? name.toString() : IETFUtils.valueToString(cn[0].getFirst().getValue());
    }
}
