using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace OpenAlumni.Web.Features.Analytics;

/// <summary>
/// A chart as CSV that Excel opens correctly in Japanese: UTF-8 with a BOM, quoted where needed, and a cell
/// starting with = + - @ (a formula to a spreadsheet) escaped with a leading apostrophe.
/// </summary>
public static class ChartCsv
{
    public static byte[] Write(ChartDto chart, string labelHeader, Func<string, string> seriesName, Func<string, string> labelName)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape, NewLine = "\r\n" };
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new CsvWriter(writer, config))
        {
            csv.WriteField(labelHeader);
            foreach (var s in chart.Series) csv.WriteField(seriesName(s.Name));
            csv.NextRecord();
            for (var i = 0; i < chart.Labels.Count; i++)
            {
                csv.WriteField(labelName(chart.Labels[i]));
                foreach (var s in chart.Series) csv.WriteField(i < s.Values.Count ? s.Values[i].ToString(CultureInfo.InvariantCulture) : "");
                csv.NextRecord();
            }
        }
        return buffer.ToArray();
    }
}
