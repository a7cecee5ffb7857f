package exchange.workforce.benchmark;

import exchange.workforce.adapters.tabular.SafeCsv;
import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.measures.MeasureCatalogue;
import exchange.workforce.measures.Symbol;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.ProblemCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Benchmarks: a group's figures beside their members, England and earlier years, as JSON or CSV. */
@Controller("/api/v1/benchmarks")
@Secured({"AUTHORITY_SUBMITTER", "AUTHORITY_VIEWER", "REGIONAL_VIEWER", "REGION_ADMIN", "PLANNER"})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Benchmarks")
@exchange.workforce.problem.ProblemResponses
public class BenchmarkController {

    private final Callers callers;
    private final Benchmarking benchmarking;
    private final exchange.workforce.tenancy.Regions regions;
    private final MeasureCatalogue catalogue;
    private final AnswerJson answerJson;

    public BenchmarkController(Callers callers, Benchmarking benchmarking, exchange.workforce.tenancy.Regions regions, MeasureCatalogue catalogue,
                        AnswerJson answerJson) {
        this.catalogue = catalogue;
        this.answerJson = answerJson;
        this.callers = callers;
        this.benchmarking = benchmarking;
        this.regions = regions;
    }

    @Get(produces = {MediaType.APPLICATION_JSON, "text/csv"})
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The benchmark; with format=csv, format=ees or format=ees-meta a CSV file", content = {@io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json", schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = BenchmarkResponse.class)), @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary"))})
    @Operation(operationId = "benchmarksBenchmark", summary = "Benchmark a group for a census year",
            description = "group: region:<ONS code>, england, neighbours:<ONS code of an authority> or custom:<id>. period: census "
                    + "year, e.g. 2023, or a quarter (2025-Q1) or month (2025-03) of monthly and quarterly returns. measures: comma-separated catalogue codes (default: every workforce measure). breakdown: "
                    + "a dimension (e.g. leaving_reason), shown after disclosure control. format=csv for a spreadsheet-safe CSV; format=ees for DfE's explore-education-statistics tidy layout (a Regional row for a region, a filter column for breakdown=), format=ees-meta for its companion .meta.csv. "
                    + "Each figure says how many members it covers and which are missing and why; members are named only to "
                    + "members of the same memorandum.")
    public HttpResponse<?> benchmark(Authentication authentication,
                                     @io.swagger.v3.oas.annotations.Parameter(example = "region:E12000008", description = "region:CODE, england, neighbours:AUTHORITY_CODE (its DfE statistical neighbours), or custom:ID")
                                     @QueryValue @Nullable String group,
                                     @io.swagger.v3.oas.annotations.Parameter(example = "2024", description = "a census year (2024), quarter (2024-Q3) or month (2024-09)")
                                     @QueryValue @Nullable String period,
                                     @io.swagger.v3.oas.annotations.Parameter(example = "turnover_rate_fte,vacancy_rate_fte", description = "measure codes, comma separated; all by default")
                                     @QueryValue @Nullable String measures,
                                     @io.swagger.v3.oas.annotations.Parameter(example = "leaving_reason", description = "a dimension of the measures, for the group's breakdown")
                                     @QueryValue @Nullable String breakdown,
                                     @io.swagger.v3.oas.annotations.Parameter(schema = @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"json", "csv", "ees", "ees-meta"}),
                                             description = "json by default; csv, or DfE's EES data file and its metadata file")
                                     @QueryValue @Nullable String format) {
        Caller caller = callers.of(authentication);
        if (group == null || period == null) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, group == null ? "group" : "period",
                    "Give a group and a census year, e.g. ?group=region:E12000008&period=2023&measures=turnover_rate_fte");
        }
        List<String> codes = measures == null || measures.isBlank() ? List.of() : Arrays.stream(measures.split(",")).filter(s -> !s.isBlank()).toList();
        BenchmarkResponse response = benchmarking.benchmark(caller, group, period.trim(), codes, breakdown == null || breakdown.isBlank() ? null : breakdown.trim());
        if ("ees-meta".equalsIgnoreCase(format)) {
            return HttpResponse.ok(EesExport.meta(response, d -> catalogue.dimension(d).map(MeasureCatalogue.Dimension::label).orElse(d))
                            .getBytes(StandardCharsets.UTF_8)).contentType("text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"benchmark-" + period.trim() + "-ees.meta.csv\"");
        }
        if ("ees".equalsIgnoreCase(format)) {
            return HttpResponse.ok(EesExport.of(response, regions).getBytes(StandardCharsets.UTF_8)).contentType("text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"benchmark-" + period.trim() + "-ees.csv\"");
        }
        if ("csv".equalsIgnoreCase(format)) {
            return HttpResponse.ok(csv(response).getBytes(StandardCharsets.UTF_8)).contentType("text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"benchmark-" + period.trim() + ".csv\"");
        }
        return HttpResponse.ok(answerJson.of(response)).contentType(io.micronaut.http.MediaType.APPLICATION_JSON_TYPE);
    }

    @Get(value = "/export.csv", produces = "text/csv")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The benchmark as a spreadsheet-safe CSV file",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
    @Operation(operationId = "benchmarksCsv", summary = "The benchmark as CSV (the same as GET /api/v1/benchmarks?format=csv)",
            description = "One row per member and measure, then the group's (published and recomputed) and England's; every text cell "
                    + "formula-safe. Same group, period, measures and breakdown as GET /api/v1/benchmarks.")
    public HttpResponse<?> benchmarkCsv(Authentication authentication,
                                        @io.swagger.v3.oas.annotations.Parameter(required = true, example = "region:E12000008", description = "region:CODE, england, neighbours:AUTHORITY_CODE, or custom:ID")
                                        @QueryValue @Nullable String group,
                                        @io.swagger.v3.oas.annotations.Parameter(required = true, example = "2024", description = "a census year (2024), quarter (2024-Q3) or month (2024-09)")
                                        @QueryValue @Nullable String period,
                                        @io.swagger.v3.oas.annotations.Parameter(example = "turnover_rate_fte,vacancy_rate_fte", description = "measure codes, comma separated; all by default")
                                        @QueryValue @Nullable String measures,
                                        @io.swagger.v3.oas.annotations.Parameter(example = "leaving_reason", description = "a dimension of the measures, for the group's breakdown")
                                        @QueryValue @Nullable String breakdown) {
        return benchmark(authentication, group, period, measures, breakdown, "csv");
    }

    /** One row per member and measure, then the group's and England's; every text cell formula-safe. */
    static String csv(BenchmarkResponse response) {
        StringBuilder out = new StringBuilder("\uFEFF").append(SafeCsv.line(List.of("period", "group", "measure", "area_code",
                "area_name", "value", "symbol", "source", "rank", "quartile", "partial", "covered", "members", "flag")));
        for (MeasureBenchmark m : response.measures()) {
            String covered = Integer.toString(m.coverage().covered());
            String members = Integer.toString(m.coverage().members());
            boolean published = m.headline().startsWith("DfE's published");
            out.append(SafeCsv.line(List.of(response.period(), SafeCsv.cell(response.group().spec()), m.measure(), "group",
                    SafeCsv.cell(response.group().name()), SafeCsv.number(m.value()), nz(Symbol.codeOf(m.symbol())), (published ? FigureSource.DFE : FigureSource.COMPUTED).code(), "", "",
                    Boolean.toString(m.partial()), published ? "" : covered, published ? "" : members, "")));
            out.append(SafeCsv.line(List.of(response.period(), SafeCsv.cell(response.group().spec()), m.measure(), "group-recomputed",
                    SafeCsv.cell(response.group().name() + " (" + m.recomputed().aggregation() + ")"), SafeCsv.number(m.recomputed().value()),
                    nz(Symbol.codeOf(m.recomputed().symbol())), FigureSource.COMPUTED.code(), "", "", Boolean.toString(m.recomputed().partial()), covered, members, "")));
            if (m.england() != null) {
                out.append(SafeCsv.line(List.of(response.period(), SafeCsv.cell(response.group().spec()), m.measure(), "E92000001",
                        "England", SafeCsv.number(m.england().value()), nz(Symbol.codeOf(m.england().symbol())), FigureSource.DFE.code(), "", "", "", "", "", "")));
            }
            for (MeasureBenchmark.Member member : m.authorities() == null ? List.<MeasureBenchmark.Member>of() : m.authorities()) {
                out.append(SafeCsv.line(List.of(response.period(), SafeCsv.cell(response.group().spec()), m.measure(),
                        SafeCsv.cell(nz(member.code())), SafeCsv.cell(nz(member.name())), SafeCsv.number(member.value()),
                        nz(Symbol.codeOf(member.symbol())), member.source().code(), member.rank() == null ? "" : member.rank().toString(),
                        member.quartile() == null ? "" : member.quartile().toString(), "", "", "",
                        member.flag() == null ? "" : SafeCsv.cell(member.flag().reason()))));
            }
        }
        return out.toString();
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }
}
