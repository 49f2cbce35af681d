package org.yiwang.seal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.jspecify.annotations.Nullable;

/**
 * The parts of an SES signature (SignedValue.dat) that verification needs, the same for GB/T 38540 (v4) and
 * GM/T 0031 (v1): the seal inside it, the maker's and the signer's signed data, signatures and certificates.
 * Parsed with BouncyCastle's ASN.1 primitives directly: ofdrw's SES classes are not binary compatible with the
 * BouncyCastle version of the platform.
 */
record SesSignature(String format, byte[] sealDer, String sealId, String sealName, Instant sealValidStart,
        Instant sealValidEnd, List<byte[]> sealCertificates, byte[] makerCertificate, byte[] makerSignedData,
        byte[] makerSignature, byte[] signerCertificate, byte[] signedData, byte[] signature, byte[] dataHash,
        @Nullable Instant signedAt) {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /**
     * Parses SignedValue.dat: v4 SES_Signature {toSign, cert, signatureAlgID, signature, [timeStamp]} or v1
     * SES_Signature {toSign, signature}. IllegalArgumentException if it is neither.
     */
    static SesSignature parse(byte[] signedValue) {
        try {
            ASN1Sequence signature = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(signedValue));
            return signature.size() == 2 ? v1(signature) : v4(signature);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an SES signature", e);
        }
    }

    private static SesSignature v4(ASN1Sequence signature) throws IOException {
        ASN1Sequence tbs = seq(signature, 0);
        ASN1Sequence seal = seq(tbs, 1);
        ASN1Sequence info = seq(seal, 0);
        ASN1Sequence property = seq(info, 2);
        List<byte[]> certificates = new ArrayList<>();
        ASN1Encodable list = property.getObjectAt(3);
        if (list instanceof ASN1TaggedObject tagged) {
            list = tagged.getBaseObject();
        }
        for (ASN1Encodable c : ASN1Sequence.getInstance(list)) {
            if (c instanceof ASN1OctetString octets) {
                certificates.add(octets.getOctets());
            }
        }
        return new SesSignature(SignatureResult.SES_V4, der(seal), string(info, 1), string(property, 1),
                time(property.getObjectAt(5)), time(property.getObjectAt(6)), certificates, octets(seal, 1),
                SealMaker.makerSignedData(info, ASN1OctetString.getInstance(seal.getObjectAt(1)),
                        ASN1ObjectIdentifier.getInstance(seal.getObjectAt(2))), bits(seal, 3),
                octets(signature, 1), der(tbs), bits(signature, 3), bits(tbs, 3), time(tbs.getObjectAt(2)));
    }

    private static SesSignature v1(ASN1Sequence signature) throws IOException {
        ASN1Sequence tbs = seq(signature, 0);
        ASN1Sequence seal = seq(tbs, 1);
        ASN1Sequence info = seq(seal, 0);
        ASN1Sequence property = seq(info, 2);
        ASN1Sequence makerInfo = seq(seal, 1);
        List<byte[]> certificates = new ArrayList<>();
        for (ASN1Encodable c : seq(property, 2)) {
            certificates.add(ASN1OctetString.getInstance(c).getOctets());
        }
        return new SesSignature(SignatureResult.SES_V1, der(seal), string(info, 1), string(property, 1),
                time(property.getObjectAt(4)), time(property.getObjectAt(5)), certificates, octets(makerInfo, 0),
                SealMaker.makerSignedData(info, ASN1OctetString.getInstance(makerInfo.getObjectAt(0)),
                        ASN1ObjectIdentifier.getInstance(makerInfo.getObjectAt(1))), bits(makerInfo, 2),
                octets(tbs, 5), der(tbs), bits(signature, 1), bits(tbs, 3), v1Time(bits(tbs, 2)));
    }

    private static ASN1Sequence seq(ASN1Sequence parent, int index) {
        return ASN1Sequence.getInstance(parent.getObjectAt(index));
    }

    private static byte[] der(ASN1Encodable value) throws IOException {
        return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
    }

    private static byte[] octets(ASN1Sequence parent, int index) {
        return ASN1OctetString.getInstance(parent.getObjectAt(index)).getOctets();
    }

    private static byte[] bits(ASN1Sequence parent, int index) {
        return ASN1BitString.getInstance(parent.getObjectAt(index)).getOctets();
    }

    private static String string(ASN1Sequence parent, int index) {
        return ((ASN1String) parent.getObjectAt(index)).getString();
    }

    /** GeneralizedTime or UTCTime, whichever the maker used. */
    private static Instant time(ASN1Encodable value) {
        try {
            if (value instanceof ASN1UTCTime utc) {
                return utc.getAdjustedDate().toInstant();
            }
            return ASN1GeneralizedTime.getInstance(value).getDate().toInstant();
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad time " + value, e);
        }
    }

    /** GM/T 0031 leaves the time's format open: DER GeneralizedTime/UTCTime, or text, Beijing time if unzoned. */
    private static @Nullable Instant v1Time(byte[] bytes) {
        try {
            ASN1Primitive primitive = ASN1Primitive.fromByteArray(bytes);
            if (primitive instanceof ASN1UTCTime || primitive instanceof ASN1GeneralizedTime) {
                return time(primitive);
            }
        } catch (IOException | RuntimeException e) {
            // text then
        }
        String text = new String(bytes, StandardCharsets.US_ASCII).strip();
        for (String pattern : List.of("yyyy-MM-dd HH:mm:ss", "yyyyMMddHHmmss", "yyyy-MM-dd'T'HH:mm:ss")) {
            try {
                return LocalDateTime.parse(text.replace("Z", ""), DateTimeFormatter.ofPattern(pattern))
                        .atZone(text.endsWith("Z") ? ZoneId.of("UTC") : BEIJING).toInstant();
            } catch (DateTimeParseException e) {
                // next pattern
            }
        }
        return null;
    }
}
