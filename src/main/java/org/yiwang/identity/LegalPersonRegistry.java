package org.yiwang.identity;

import org.yiwang.shared.CreditCode;
import org.yiwang.shared.IdNumber;

/**
 * The legal-person base (法人库): confirms that a credit code belongs to an enterprise of that name whose legal
 * representative has that ID number. Backed by a demo table for now; the data-sharing exchange will provide the real
 * one.
 */
public interface LegalPersonRegistry {

    boolean confirms(CreditCode creditCode, String name, IdNumber representative);
}
