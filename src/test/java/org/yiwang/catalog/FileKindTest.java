package org.yiwang.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FileKindTest {

    @Test
    void recognisesTheAcceptedTypesByContent() {
        assertThat(FileKind.sniff(TestFiles.pdf())).contains(FileKind.PDF);
        assertThat(FileKind.sniff(TestFiles.docx())).contains(FileKind.DOCX);
        assertThat(FileKind.sniff(TestFiles.xlsx())).contains(FileKind.XLSX);
    }

    @Test
    void refusesEverythingElse() {
        assertThat(FileKind.sniff(TestFiles.png())).isEmpty();
        assertThat(FileKind.sniff(TestFiles.exe())).isEmpty();
        assertThat(FileKind.sniff(TestFiles.plainZip())).isEmpty();
        assertThat(FileKind.sniff(TestFiles.zip(Map.of("word/document.xml", "<w/>")))).isEmpty();
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
