/**
 * Electronic seals (电子印章, GB/T 38540): the platform CA (平台 CA, SM2/SM3) issuing departments' signing
 * certificates (签章者证书) and the seal maker's certificate (制章者证书), the seal registry (印章库) with SES v4 seals
 * (电子印章数据 SESeal) and their uses (用印记录), sealing OFD documents (电子签章) and verifying any OFD's electronic seal
 * signatures, GB/T 38540 (v4) and GM/T 0031 (v1) alike (验章).
 * <p>
 * Other modules use {@link org.yiwang.seal.DocumentSealing}; signatures are made through {@link org.yiwang.seal.Signer},
 * which a signing server (签名服务器) or HSM (密码机) can replace for signing. Keys are generated (and imported keys
 * checked) by the platform and stored SM4-GCM-encrypted under {@code yiwang.seal.master-key}; no page or API
 * returns them. Staff manage seals (暂停, 注销, 恢复), signing
 * certificates (吊销) and imports from external CAs on {@code /admin/seals}, with each seal's use log.
 */
@org.jspecify.annotations.NullMarked
package org.yiwang.seal;
