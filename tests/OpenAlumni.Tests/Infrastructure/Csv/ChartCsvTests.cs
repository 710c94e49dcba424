using System.Text;
using OpenAlumni.Web.Features.Analytics;

namespace OpenAlumni.Tests.Infrastructure.Csv;

public sealed class ChartCsvTests
{
    [Fact]
    public void Cells_ThatASpreadsheetWouldRunAsAFormula_AreEscaped_AndQuotesAreQuoted()
    {
        var chart = new ChartDto("x", ["=cmd|' /C calc'!A0", "+1", "-2", "@SUM(A1)", "営業, \"本部\""], [new("s", [1, 2, 3, 4, 5])]);

        var bytes = ChartCsv.Write(chart, "label", s => s, l => l);
        var text = Encoding.UTF8.GetString(bytes[3..]);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("label,s\r\n\"'=cmd|' /C calc'!A0\",1\r\n\"'+1\",2\r\n\"'-2\",3\r\n\"'@SUM(A1)\",4\r\n\"営業, \"\"本部\"\"\",5\r\n", text);
    }
}
