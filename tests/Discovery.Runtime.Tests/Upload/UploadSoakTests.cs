using System;
using System.Linq;
using System.Threading.Tasks;
using Farm.Server;
using Farm.V1;
using Farm.V1.Data;
using Discovery.Runtime.Tests.Infrastructure;
using Xunit;

namespace Discovery.Runtime.Tests.Upload;

public sealed class UploadSoakTests
{
    [Fact]
    public async Task Many_uploads_through_random_faults_all_arrive_byte_exact()
    {
        const int seed = 20261201;
        var random = new Random(seed);
        var faultRandom = new Random(seed + 1);
        await using var f = await FarmFixture.StartAsync(FarmFixture.FastRetry(attempts: 50));
        f.Server.Script.Source = kind =>
        {
            if (kind != RequestKind.Chunk)
            {
                return null;
            }

            lock (faultRandom)
            {
                return faultRandom.Next(10) switch
                {
                    0 => new ScriptedFault { Status = new[] { 408, 429, 500, 502, 503, 504 }[faultRandom.Next(6)] },
                    1 => new ScriptedFault { AbortAfterBytes = faultRandom.Next(1, 200_000) },
                    2 => new ScriptedFault { PersistOnly = faultRandom.Next(0, 200_000) },
                    3 => new ScriptedFault { OmitRange = true },
                    4 => new ScriptedFault { Status = 503, PersistThenFail = true },
                    _ => null,
                };
            }
        };

        for (int i = 0; i < 40; i++)
        {
            var kind = (MediaKind)random.Next(4);
            int size = random.Next(6) switch
            {
                0 => 0,
                1 => TestData.Chunk * random.Next(1, 4),
                _ => random.Next(1, 4 * TestData.Chunk),
            };
            var data = TestData.Bytes(size, i);

            var result = await f.Farm.Animals.Insert(new Animal { Name = "n" + i }, f.Media.Create(kind, data, true)).ExecuteAsync();

            Assert.True(TestData.Sha(data) == result.PictureSha256, $"upload {i} ({kind}, {size} bytes) was corrupted");
        }

        Assert.Equal(40, f.Server.Uploads.All.Count);
        Assert.True(f.Time.Delays.Count > 10, "the soak test should have exercised retries");
    }
}
