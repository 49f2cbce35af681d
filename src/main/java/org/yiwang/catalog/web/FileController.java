package org.yiwang.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yiwang.catalog.CatalogError;
import org.yiwang.catalog.CatalogFile;
import org.yiwang.catalog.CatalogFiles;
import org.yiwang.catalog.ItemAdministration;
import org.yiwang.shared.BusinessException;

@RestController
@Tag(name = "事项文件", description = "空白表格与示例样表（PDF、DOCX、XLSX）")
class FileController {

    private final CatalogFiles files;
    private final ItemAdministration items;

    FileController(CatalogFiles files, ItemAdministration items) {
        this.files = files;
        this.items = items;
    }

    @PostMapping(path = "/api/v1/admin/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "上传空白表格或示例样表", description = "仅接受 PDF、DOCX、XLSX，按文件内容判断类型")
    ResponseEntity<CatalogFile> upload(@RequestParam("file") MultipartFile file) throws IOException {
        String id = items.uploadFile(String.valueOf(file.getOriginalFilename()), file.getBytes());
        CatalogFile stored = files.find(id).orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/files/" + id)).body(stored);
    }

    @GetMapping("/api/v1/files/{id}")
    @Operation(summary = "下载文件")
    ResponseEntity<byte[]> download(@PathVariable String id) {
        CatalogFile file = files.find(id)
                .orElseThrow(() -> new BusinessException(CatalogError.CATALOG_FILE_NOT_FOUND, id));
        byte[] content = files.content(id).orElseThrow();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.name(), StandardCharsets.UTF_8).build().toString())
                .eTag("\"" + file.sha256() + "\"")
                .body(content);
    }
}
