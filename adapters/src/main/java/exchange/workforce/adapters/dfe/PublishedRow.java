package exchange.workforce.adapters.dfe;

import java.util.List;

/**
 * One row of an explore-education-statistics file: a place (England, a region, or an authority, which may be a
 * joint return such as "E09000021 / E09000027"), a period, and its figures.
 *
 * @param line           the line of the file, for reports
 * @param level          National, Regional or Local authority
 * @param areaCode       ONS code of the place: country, region (E12…, or E13… for Inner/Outer London) or authority
 * @param regionCode     the region the row belongs to, as published (empty for England)
 * @param oldLaCode      DfE's three-digit number(s), for authority rows
 */
public record PublishedRow(long line, String timePeriod, String timeIdentifier, String level, String areaCode,
                           String areaName, String regionCode, String oldLaCode, List<PublishedValue> values) {
}
