package org.yiwang.identity;

import org.yiwang.shared.IdNumber;

/**
 * The population base (人口库): confirms that an ID number belongs to a person of that name. Backed by a demo table
 * for now; the data-sharing exchange will provide the real one.
 */
public interface PopulationRegistry {

    boolean confirms(IdNumber idNumber, String name);
}
