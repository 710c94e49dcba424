using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAlumni.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// Posts' and events' Segment* columns became one complex type (Members/Segment.cs) under the same column names:
    /// the database does not change, only the model snapshot.
    /// </summary>
    public partial class SegmentAsComplexType : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
