// Drives the running service with the TypeScript client generated from the committed spec, as a web integrator
// would: compiled with tsc --strict by platform's TypeScriptClientTest, which starts the service and reads what
// this prints. No Node typings are needed: only fetch, which Node 18+ has built in.
import {
    BenchmarksApi, Configuration, FigureSymbol, IdentityApi, MeasuresApi, PeriodType, ProblemFromJSON, ResponseError,
    ReturnsApi,
} from './client';

declare const process: { env: Record<string, string | undefined>; exitCode?: number };

async function main(): Promise<void> {
    const base = process.env['WFX_BASE_URL'] ?? 'http://localhost:8080';
    const kent = new Configuration({ basePath: base, accessToken: process.env['WFX_TOKEN'] ?? '' });
    const seen: Record<string, unknown> = {};

    const me = await new IdentityApi(kent).meMe();
    seen['authority'] = me.authority?.code;

    const catalogue = await new MeasuresApi(kent).measuresCatalogue() as { measures?: unknown[] };
    seen['measures'] = catalogue.measures?.length;

    const benchmark = await new BenchmarksApi(kent).benchmarksBenchmark({
        group: 'region:E12000008', period: '2023', measures: 'turnover_rate_fte',
    });
    const turnover = benchmark.measures[0];
    seen['benchmarked'] = turnover.measure;
    seen['benchmarkValueIsANumber'] = typeof turnover.value === 'number';
    const symbols: FigureSymbol[] = [FigureSymbol.SUPPRESSED, FigureSymbol.UNAVAILABLE, FigureSymbol.NOT_APPLICABLE];
    seen['symbolsKnown'] = symbols.length;

    const returns = new ReturnsApi(kent);
    // files come as Blobs: a CSV read as text, a workbook as bytes (an Office Open XML file is a zip: it starts PK)
    const template = await returns.returnTemplatesCsv({ periodType: PeriodType.CensusYear, period: '2024' });
    seen['csvTemplateHasInPost'] = (await template.text()).includes('E10000016,CENSUS_YEAR,2024,inpost_fte');
    const workbook = new Uint8Array(await (await returns.returnTemplatesWorkbook({ periodType: PeriodType.CensusYear, period: '2024' })).arrayBuffer());
    seen['workbookIsZip'] = workbook[0] === 0x50 && workbook[1] === 0x4b;
    const benchmarkCsv = await new BenchmarksApi(kent).benchmarksCsv({ group: 'region:E12000008', period: '2023', measures: 'turnover_rate_fte' });
    seen['benchmarkCsvHasMeasure'] = (await benchmarkCsv.text()).includes('turnover_rate_fte');
    const stored = await returns.returnsSubmitRaw({
        returnControllerReturnBody: {
            periodType: PeriodType.CensusYear, period: '2024',
            values: [{ measure: 'inpost_fte', value: '450.5' }, { measure: 'inpost_headcount', value: '480' }],
        },
    });
    seen['storedStatus'] = stored.raw.status;
    seen['storedVersion'] = (await stored.value()).version;

    try {
        await returns.returnsSubmit({
            returnControllerReturnBody: {
                periodType: PeriodType.CensusYear, period: '2023', values: [{ measure: 'inpost_fte', value: 'four hundred' }],
            },
        });
        seen['refusedStatus'] = 'accepted';
    } catch (error) {
        if (!(error instanceof ResponseError)) {
            throw error;
        }
        seen['refusedStatus'] = error.response.status;
        seen['refusedType'] = error.response.headers.get('content-type');
        const problem = ProblemFromJSON(await error.response.json());
        seen['problemCode'] = problem.code;
        seen['firstErrorCode'] = problem.errors?.[0]?.code;
    }
    console.log(JSON.stringify(seen));
}

main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack ?? error.message : String(error));
    process.exitCode = 1;
});
