package org.yiwang.seal;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Instant;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.jcajce.provider.digest.SM3;
import org.ofdrw.core.signatures.SigType;
import org.ofdrw.sign.ExtendSignatureContainer;

/**
 * Makes the SES v4 signature (GB/T 38540 SES_Signature {TBS_Sign {version 4, eseal, timeInfo, dataHash, propertyInfo},
 * cert, signatureAlgID, signature}) of an OFD's Signature.xml, in ofdrw's signature-container form: the data hash is SM3 of
 * Signature.xml, the signer's SM2 signature over TBS_Sign is made by the {@link Signer}.
 */
final class SesV4SignContainer implements ExtendSignatureContainer {

    private final Signer signer;
    private final StoredCertificate certificate;
    private final byte[] seal;
    private final Instant time;

    SesV4SignContainer(Signer signer, StoredCertificate certificate, byte[] seal, Instant time) {
        this.signer = signer;
        this.certificate = certificate;
        this.seal = seal.clone();
        this.time = time;
    }

    @Override
    public MessageDigest getDigestFnc() {
        return new SM3.Digest();
    }

    @Override
    public ASN1ObjectIdentifier getSignAlgOID() {
        return GMObjectIdentifiers.sm2sign_with_sm3;
    }

    @Override
    public byte[] sign(InputStream signatureXml, String propertyInfo) throws IOException {
        DERSequence toSign = new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                new ASN1Integer(4), ASN1Primitive.fromByteArray(seal), SealMaker.time(time),
                new DERBitString(Sm2.sm3(signatureXml.readAllBytes())), new DERIA5String(propertyInfo)});
        byte[] signature = signer.sign(certificate.keyId(), toSign.getEncoded(ASN1Encoding.DER));
        return new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                toSign, new DEROctetString(certificate.der()), GMObjectIdentifiers.sm2sign_with_sm3,
                new DERBitString(signature)}).getEncoded(ASN1Encoding.DER);
    }

    @Override
    public byte[] getSeal() {
        return seal.clone();
    }

    @Override
    public SigType getSignType() {
        return SigType.Seal;
    }
}
