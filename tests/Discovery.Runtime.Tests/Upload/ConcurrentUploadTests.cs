using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Discovery.Runtime.Tests.Infrastructure;
using Farm.Server;
using Farm.V1.Data;
using Xunit;

namespace Discovery.Runtime.Tests.Upload;

/// <summary>Sixteen resumable uploads at once over one service (one HttpClient), faults landing in some of them.</summary>
public sealed class ConcurrentUploadTests
{
    private const int C = TestData.Chunk;

    [Fact]
    public async Task Sixteen_concurrent_uploads_with_faults_in_some_all_arrive_byte_exact_and_verified()
    {
        await using var f = await FarmFixture.StartAsync();
        f.Server.Script.Enqueue(
            RequestKind.Chunk,
            new ScriptedFault(), new ScriptedFault { Status = 503 }, new ScriptedFault(), new ScriptedFault { AbortAfterBytes = 50_000 },
            new ScriptedFault(), new ScriptedFault { PersistOnly = 1000 }, new ScriptedFault(), new ScriptedFault { PersistThenFail = true, Status = 500 },
            new ScriptedFault { Status = 429 });
        var kinds = Enum.GetValues<MediaKind>();
        var uploads = Enumerable.Range(0, 16).Select(i =>
        {
            var data = TestData.Bytes((2 * C) + (i * 1001), 100 + i);
            var request = f.Farm.Animals.Insert(new Animal { Name = "Pig" + i }, f.Media.Create(kinds[i % kinds.Length], data, resumable: true));
            var reports = new List<UploadProgress>();
            request.ProgressChanged += p =>
            {
                lock (reports)
                {
                    reports.Add(p);
                }
            };
            return (Data: data, Request: request, Reports: reports);
        }).ToList();

        var animals = await Task.WhenAll(uploads.Select(u => Task.Run(() => u.Request.ExecuteAsync())));

        for (int i = 0; i < uploads.Count; i++)
        {
            Assert.Equal(TestData.Sha(uploads[i].Data), animals[i].PictureSha256);
            Assert.Equal(UploadProtocols.Crc(uploads[i].Data), animals[i].Crc32c);
            Assert.Equal(ChecksumStatus.Verified, uploads[i].Reports[^1].Checksum);
        }

        Assert.Equal(16, f.Server.Uploads.All.Count());
        Assert.Contains(f.Server.Requests.All, r => r.Kind == RequestKind.StatusQuery);
        Assert.Equal(16, f.Server.Requests.All.Count(r => r.GoogHash is not null && r.Status is >= 200 and < 300));
    }
}
