using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAlumni.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddEventSegments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SegmentDepartment",
                table: "Event",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SegmentLeftFrom",
                table: "Event",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SegmentLeftTo",
                table: "Event",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SegmentLocation",
                table: "Event",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SegmentOpenTo",
                table: "Event",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "SegmentTag",
                table: "Event",
                type: "TEXT",
                maxLength: 40,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SegmentDepartment",
                table: "Event");

            migrationBuilder.DropColumn(
                name: "SegmentLeftFrom",
                table: "Event");

            migrationBuilder.DropColumn(
                name: "SegmentLeftTo",
                table: "Event");

            migrationBuilder.DropColumn(
                name: "SegmentLocation",
                table: "Event");

            migrationBuilder.DropColumn(
                name: "SegmentOpenTo",
                table: "Event");

            migrationBuilder.DropColumn(
                name: "SegmentTag",
                table: "Event");
        }
    }
}
