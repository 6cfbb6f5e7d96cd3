// `xiaobiao` — the command-line side of 校表通, sharing shared/ with the app.
import { parseArgs, UsageError } from './args';
import { demo, exportCmd, InputError, read, type Io } from './commands';
import { ReportReadError } from '../xlsx/read-errors';
import { template } from './template-command';
import { check } from './check-command';
import { importCmd } from './import-command';
import { demoDistrict } from './demo-district-command';
import { consolidate } from './consolidate-command';
import { WriteError } from './write-out';

export const USAGE = `用法：
  xiaobiao demo --type 小学 [--pack luojiang] [--today 2025-10-31] [--out school.json]
      生成示例学校数据文件（与应用的备份格式相同）
  xiaobiao export --data school.json --submission XNC --period 2025-2026 [--out 目录]
      导出区教育局报表工作簿，输出文件路径
  xiaobiao template --pack luojiang --submission XNC --school-type 小学 [--period 2025-2026] [--out 文件.xlsx]
      生成空白模板（该类学校要报的全部表，留空待填）
  xiaobiao read 文件.xlsx [--json]
      读取校表通导出的工作簿，检查格式、报表包、学校、期间和校验值
  xiaobiao check (school.json --submission XNC --period 2025-2026 | 文件.xlsx) [--json]
      按应用的审核规则审核一期数据，按工作表列出逻辑校验和经验校验（及是否已写说明）
  xiaobiao check 文件.xlsx [--submission XNC --period 2025-2026] --previous 上期.xlsx [--related 其他.xlsx]…
      审核工作簿时给出上期（已审核才比较）和跨月、跨报表规则要读的其他期工作簿（--related 可重复）
  xiaobiao import --data school.json --period 2025-2026 --sheet staffList 文件.xlsx --out school2.json
        [--mode append|replace] [--map 对应.json] [--skip-bad-rows] [--submission XNC] [--worksheet 工作表] [--header-row 行号]
      与应用的“从 Excel 导入”相同：按列名对应各列，按报表包的同义写法和 --map 对应文件换算取值，
      按审核规则检查每一行；有错误的行或不认识的取值时不导入（--skip-bad-rows 只导入正确的行），写出新的数据文件
  xiaobiao consolidate --pack luojiang --submission XNC --period 2025-2026 [--registry 名册.csv] --out 汇总.xlsx 文件或文件夹… [--json]
      区教育局汇总：逐个校验收到的工作簿（多线程），按版本取最新，列出未报、逾期、校验不通过、哈希不符的学校，
      写出全区汇总工作簿（各表合计及按学段、乡镇、举办者、城乡、类型分列，报送情况，规划指标，校际差异系数）
  xiaobiao demo-district --pack luojiang --schools 300 --out 目录 [--seed 1] [--submission XNC] [--period 2025-2026]
      生成示例学区：各类学校的报表工作簿（含未报、改动过、两个版本、逾期、草稿、名册外的学校）、registry.csv 和 manifest.json
退出码：0 成功（check：没有逻辑校验错误）；1 check 发现逻辑校验错误；2 输入有误（有中文说明）`;

const defaultIo: Io = {
  out: (l) => process.stdout.write(l + '\n'),
  err: (l) => process.stderr.write(l + '\n'),
  today: () => new Date().toISOString().slice(0, 10),
};

export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  const args = parseArgs(argv);
  try {
    switch (args.command) {
      case 'demo': return await demo(args, io);
      case 'export': return await exportCmd(args, io);
      case 'read': return await read(args, io);
      case 'template': return await template(args, io);
      case 'check': return await check(args, io);
      case 'import': return await importCmd(args, io);
      case 'demo-district': return await demoDistrict(args, io);
      case 'consolidate': return await consolidate(args, io);
      case 'help': case '--help': case '-h':
        io.out(USAGE);
        return 0;
      default:
        throw new UsageError(`未知命令“${args.command}”`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`错误：${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof InputError || e instanceof WriteError || e instanceof ReportReadError || (e instanceof Error && e.name === 'PackError')) {
      io.err(`错误：${e.message}`);
      return 2;
    }
    // never a stack trace: the message, and whom to give it to
    io.err(`内部错误：${e instanceof Error ? e.message : String(e)}（这是校表通的缺陷，不是文件的问题；请把文件和这条消息交给维护者）`);
    return 3;
  }
}
