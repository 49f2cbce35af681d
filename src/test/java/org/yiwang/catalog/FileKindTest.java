package org.yiwang.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yiwang.shared.FileKind;

class FileKindTest {

    @Test
    void recognisesTypesByContent() {
        assertThat(FileKind.sniff(TestFiles.pdf())).contains(FileKind.PDF);
        assertThat(FileKind.sniff(TestFiles.docx())).contains(FileKind.DOCX);
        assertThat(FileKind.sniff(TestFiles.xlsx())).contains(FileKind.XLSX);
        assertThat(FileKind.sniff(TestFiles.png())).contains(FileKind.PNG);
        assertThat(FileKind.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10}))
                .contains(FileKind.JPEG);
        assertThat(FileKind.sniff(TestFiles.zip(Map.of("OFD.xml", "<ofd:OFD/>", "Doc_0/Document.xml", "<d/>"))))
                .contains(FileKind.OFD);
    }

    @Test
    void refusesEverythingElse() {
        assertThat(FileKind.sniff(TestFiles.exe())).isEmpty();
        assertThat(FileKind.sniff(TestFiles.plainZip())).isEmpty();
        assertThat(FileKind.sniff(TestFiles.zip(Map.of("word/document.xml", "<w/>")))).isEmpty();
        assertThat(FileKind.sniff(TestFiles.zip(Map.of("Doc_0/OFD.xml", "<ofd:OFD/>")))).isEmpty();
        assertThat(FileKind.sniff(new byte[] {'P', 'K', 3, 4, 1, 2, 3})).isEmpty();
        assertThat(FileKind.sniff(new byte[0])).isEmpty();
        assertThat(FileKind.sniff("%PD".getBytes())).isEmpty();
    }

    @Test
    void namesGetTheExtensionOfTheirRealType() {
        assertThat(FileKind.DOCX.rename("申请书.pdf")).isEqualTo("申请书.docx");
        assertThat(FileKind.PDF.rename("样表")).isEqualTo("样表.pdf");
        assertThat(CatalogFiles.cleanName("C:\\Users\\x\\申请书.pdf")).isEqualTo("申请书.pdf");
        assertThat(CatalogFiles.cleanName("../../etc/passwd\n")).isEqualTo("passwd");
    }
}
