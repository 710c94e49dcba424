using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace OpenAlumni.Web.Infrastructure.Csv;

/// <summary>CSV downloads for the secretariat's spreadsheets.</summary>
public static class CsvFiles
{
    /// <summary>
    /// Records as CSV that Excel opens in Japanese (UTF-8 with BOM); a cell starting with = + - @ (a formula
    /// to Excel) is escaped with a leading quote so that it is shown, never run.
    /// </summary>
    public static byte[] ForExcel<T>(IEnumerable<T> records)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape }))
            csv.WriteRecords(records);
        return stream.ToArray();
    }
}
