package org.yiwang.seal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.ofdrw.gm.ses.v1.SES_ESPictrueInfo;
import org.ofdrw.gm.ses.v1.SES_Header;
import org.ofdrw.gm.ses.v4.CertInfoList;
import org.ofdrw.gm.ses.v4.SES_CertList;
import org.ofdrw.gm.ses.v4.SES_ESPropertyInfo;
import org.ofdrw.gm.ses.v4.SES_SealInfo;
import org.ofdrw.gm.ses.v4.SESeal;
import org.springframework.stereotype.Component;

/**
 * Makes SES v4 seals (GB/T 38540 SESeal) with the platform as seal maker (制章者): seal info with header
 * {@code ES/4/yiwang}, the signer's certificate in the certificate list, the PNG picture, and the maker's SM2 signature
 * over the DER SEQUENCE of seal info, maker certificate and algorithm identifier.
 */
@Component
class SealMaker {

    static final String VENDOR = "yiwang";
    /** SES_ESPropertyInfo.type: 单位印章. */
    private static final int ORGANISATION_SEAL = 1;

    private final PlatformCa ca;
    private final Signer signer;

    SealMaker(PlatformCa ca, Signer signer) {
        this.ca = ca;
        this.signer = signer;
    }

    SESeal make(String sealId, String sealName, byte[] png, StoredCertificate signerCertificate, Instant validFrom,
            Instant validTo) {
        StoredCertificate maker = ca.maker();
        SES_ESPropertyInfo property = new SES_ESPropertyInfo(new ASN1Integer(ORGANISATION_SEAL),
                new DERUTF8String(sealName), SES_ESPropertyInfo.CertListType,
                new SES_CertList(new CertInfoList(new ASN1OctetString[] {new DEROctetString(signerCertificate.der())})),
                time(Instant.now()), time(validFrom), time(validTo));
        SES_ESPictrueInfo picture = new SES_ESPictrueInfo(new DERIA5String("PNG"), new DEROctetString(png),
                new ASN1Integer(SealPicture.DIAMETER_MM), new ASN1Integer(SealPicture.DIAMETER_MM));
        SES_SealInfo info = new SES_SealInfo(new SES_Header(SES_Header.V4, new DERIA5String(VENDOR)),
                new DERIA5String(sealId), property, picture, null);
        DEROctetString makerCert = new DEROctetString(maker.der());
        ASN1ObjectIdentifier algorithm = GMObjectIdentifiers.sm2sign_with_sm3;
        byte[] signature = signer.sign(maker.keyId(), makerSignedData(info, makerCert, algorithm));
        return new SESeal(info, makerCert, algorithm, new DERBitString(signature));
    }

    /** What the seal maker signs: DER of SEQUENCE { sealInfo, cert, signAlgID }. */
    static byte[] makerSignedData(org.bouncycastle.asn1.ASN1Encodable info, ASN1OctetString makerCert, ASN1ObjectIdentifier algorithm) {
        ASN1EncodableVector v = new ASN1EncodableVector(3);
        v.add(info);
        v.add(makerCert);
        v.add(algorithm);
        try {
            return new DERSequence(v).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ASN1GeneralizedTime time(Instant instant) {
        return new ASN1GeneralizedTime(Date.from(instant), Locale.ROOT);
    }
}
