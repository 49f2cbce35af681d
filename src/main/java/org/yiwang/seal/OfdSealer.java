package org.yiwang.seal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dom4j.DocumentException;
import org.dom4j.Element;
import org.ofdrw.core.basicStructure.doc.Document;
import org.ofdrw.core.basicStructure.ofd.DocBody;
import org.ofdrw.core.basicStructure.ofd.OFD;
import org.ofdrw.core.basicStructure.pageTree.Page;
import org.ofdrw.core.basicType.ST_Box;
import org.ofdrw.core.basicType.ST_Loc;
import org.ofdrw.core.signatures.Signatures;
import org.ofdrw.core.signatures.appearance.Seal;
import org.ofdrw.core.signatures.appearance.StampAnnot;
import org.ofdrw.core.signatures.range.Reference;
import org.ofdrw.core.signatures.range.References;
import org.ofdrw.core.signatures.sig.Provider;
import org.ofdrw.core.signatures.sig.Signature;
import org.ofdrw.core.signatures.sig.SignedInfo;
import org.ofdrw.pkg.tool.ElemCup;
import org.ofdrw.sign.ExtendSignatureContainer;
import org.yiwang.shared.BusinessException;

/**
 * Adds an electronic seal signature to the first document of an OFD package (GB/T 33190 §18), in memory. The result
 * is what ofdrw's {@code OFDSigner} makes in its continue-signing mode — a new {@code Sign_N} directory with Seal.esl,
 * Signature.xml protecting every file of the package but the signature list, and SignedValue.dat; the list created
 * or extended, and named in OFD.xml — without unpacking the package to temporary files, parsing all of it and
 * packing it again.
 */
final class OfdSealer {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private OfdSealer() {
    }

    /** A sealed package and the SM3 of its new Signature.xml, the data the seal's signature covers (hex). */
    record Sealed(byte[] ofd, String signedHash) {
    }

    static Sealed seal(byte[] ofd, StampPosition at, ExtendSignatureContainer container, Instant time) {
        OfdPackage source = OfdPackage.read(ofd);
        if (source == null) {
            throw new BusinessException(SealError.SEAL_DOCUMENT_UNREADABLE);
        }
        Map<String, byte[]> files = new LinkedHashMap<>(source.entries());
        byte[] signatureXml;
        String signDir;
        try {
            Element ofdXml = source.xml("OFD.xml");
            DocBody body = new OFD(ofdXml).getDocBody();
            String documentPath = OfdPackage.resolve("", body.getDocRoot());
            Page page = page(new Document(source.xml(documentPath)), at);

            ST_Loc listLoc = body.getSignatures();
            String listPath;
            Signatures list;
            if (listLoc == null) {
                listPath = OfdPackage.directory(documentPath) + "/Signs/Signatures.xml";
                list = new Signatures();
                body.setSignatures(ST_Loc.getInstance("/" + listPath));
                files.put("OFD.xml", ElemCup.dump(ofdXml));
            } else {
                listPath = OfdPackage.resolve("", listLoc);
                list = new Signatures(source.xml(listPath));
                refuseIfListProtected(source, listPath, list);
            }
            long lastId = list.getMaxSignId() == null ? 0 : Long.parseLong(list.getMaxSignId().trim());
            signDir = newSignDir(files, OfdPackage.directory(listPath));
            list.addSignature(new org.ofdrw.core.signatures.Signature().setID(String.valueOf(++lastId))
                    .setType(container.getSignType())
                    .setBaseLoc(ST_Loc.getInstance("/" + signDir + "/Signature.xml")));
            StampAnnot stamp = new StampAnnot().setID(String.valueOf(++lastId)).setPageRef(page.getID().ref())
                    .setBoundary(new ST_Box(at.xMm(), at.yMm(), at.sizeMm(), at.sizeMm()));
            list.setMaxSignId(String.valueOf(lastId));
            files.put(listPath, ElemCup.dump(list));
            files.put(signDir + "/Seal.esl", container.getSeal());

            SignedInfo info = new SignedInfo()
                    .setProvider(new Provider().setProviderName("yiwang").setCompany("yiwang"))
                    .setSignatureMethod(container.getSignAlgOID())
                    .setSignatureDateTime(LOCAL_TIME.format(time))
                    .setSeal(new Seal().setBaseLoc(ST_Loc.getInstance("/" + signDir + "/Seal.esl")))
                    .addStampAnnot(stamp)
                    .setReferences(references(files, listPath, container.getDigestFnc()));
            signatureXml = ElemCup.dump(new Signature()
                    .setSignedValue(ST_Loc.getInstance("/" + signDir + "/SignedValue.dat"))
                    .setSignedInfo(info));
            files.put(signDir + "/Signature.xml", signatureXml);
        } catch (BusinessException e) {
            throw e;
        } catch (IOException | DocumentException | RuntimeException e) {
            throw new BusinessException(SealError.SEAL_DOCUMENT_UNREADABLE);
        }
        // Signed outside the catch above: a failing key or signer is not an unreadable document.
        try {
            files.put(signDir + "/SignedValue.dat",
                    container.sign(new ByteArrayInputStream(signatureXml), "/" + signDir + "/Signature.xml"));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
        return new Sealed(zip(files), Sm2.sm3Hex(signatureXml));
    }

    private static Page page(Document document, StampPosition at) {
        List<Page> pages = document.getPages().getPages();
        if (at.page() >= pages.size()) {
            throw new BusinessException(SealError.SEAL_PAGE_OUT_OF_RANGE, at.page() + 1, pages.size());
        }
        return pages.get(at.page());
    }

    /** A signature that protects the signature list closes the document to further signatures. */
    private static void refuseIfListProtected(OfdPackage source, String listPath, Signatures list)
            throws IOException, DocumentException {
        String listDir = OfdPackage.directory(listPath);
        for (org.ofdrw.core.signatures.Signature record : list.getSignatures()) {
            String path = OfdPackage.resolve(listDir, record.getBaseLoc());
            References references = new Signature(source.xml(path)).getSignedInfo().getReferences();
            for (Reference reference : references.getReferences()) {
                if (OfdPackage.resolve(OfdPackage.directory(path), reference.getFileRef()).equals(listPath)) {
                    throw new BusinessException(SealError.SEAL_DOCUMENT_LOCKED);
                }
            }
        }
    }

    private static String newSignDir(Map<String, byte[]> files, String signsDir) {
        for (int n = 0;; n++) {
            String dir = signsDir + "/Sign_" + n;
            if (files.keySet().stream().noneMatch(path -> path.startsWith(dir + "/"))) {
                return dir;
            }
        }
    }

    private static References references(Map<String, byte[]> files, String listPath, MessageDigest digest) {
        References references = new References().setCheckMethod(digest.getAlgorithm());
        files.forEach((path, content) -> {
            if (!path.equals(listPath)) {
                references.addReference(new Reference().setFileRef(ST_Loc.getInstance("/" + path))
                        .setCheckValue(digest.digest(content)));
            }
        });
        return references;
    }

    /** The files packed as a ZIP archive, in the map's order. */
    static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(files.values().stream().mapToInt(f -> f.length).sum());
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
