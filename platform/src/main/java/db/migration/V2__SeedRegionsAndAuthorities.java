package db.migration;

import exchange.workforce.tenancy.ReferenceAuthorities;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.PreparedStatement;

/** Seeds regions and authorities from the reference list derived from DfE's published files. */
public class V2__SeedRegionsAndAuthorities extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        var reference = ReferenceAuthorities.load();
        var connection = context.getConnection();
        try (PreparedStatement region = connection.prepareStatement(
                "insert into region (code, name) values (?, ?) on conflict (code) do nothing")) {
            for (var entry : reference.regions().entrySet()) {
                region.setString(1, entry.getKey());
                region.setString(2, entry.getValue());
                region.addBatch();
            }
            region.executeBatch();
        }
        try (PreparedStatement authority = connection.prepareStatement("""
                insert into authority (gss_code, dfe_number, name, region_code, sub_region,
                                       first_published_year, last_published_year, active, joint_return_code)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (gss_code) do nothing""")) {
            for (var row : reference.authorities()) {
                authority.setString(1, row.gssCode());
                authority.setString(2, row.dfeNumber());
                authority.setString(3, row.name());
                authority.setString(4, row.regionCode());
                authority.setString(5, row.subRegion());
                authority.setInt(6, row.firstPublishedYear());
                authority.setInt(7, row.lastPublishedYear());
                authority.setBoolean(8, row.active());
                authority.setString(9, row.jointReturnCode());
                authority.addBatch();
            }
            authority.executeBatch();
        }
    }
}
