using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using NewsSite.Caching;

namespace NewsSite.Benchmarks;

/// <summary>
/// The build cache's storage, measured as a one-article rebuild of a 10,000-article site uses it: open what the
/// last build kept, read 30,000 answers (front matter, body results, search analyses), put three new ones and
/// keep the result for the next build. One file of answers with its index beside it (<see cref="BuildCache"/>)
/// against a folder of one file per answer and an SQLite table.
/// </summary>
[MemoryDiagnoser]
public class CacheStorageBenchmarks
{
    private const int Answers = 30_000;
    private static readonly CacheQuery<byte[]> Query = new("answer");

    private readonly string _root = Path.Combine(Path.GetTempPath(), "newssite-cache-bench");
    private Hash128[] _keys = [];
    private byte[][] _values = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _keys = [.. Enumerable.Range(0, Answers).Select(i => ContentHash.Of($"answer {i}"))];
        _values = [.. Enumerable.Range(0, Answers).Select(i => { var v = new byte[300 + random.Next(900)]; random.NextBytes(v); return v; })];
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }

        using (var cache = BuildCache.Open(Path.Combine(_root, "one-file"), read: false, write: true))
        {
            for (var i = 0; i < Answers; i++)
            {
                cache.Put(Query, _keys[i], _values[i]);
            }

            cache.Save(buildFailed: false);
        }

        var blobs = Path.Combine(_root, "blobs");
        for (var i = 0; i < Answers; i++)
        {
            var path = BlobPath(blobs, _keys[i]);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, _values[i]);
        }

        using var sqlite = OpenSqlite();
        using (var create = sqlite.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS answers (key BLOB PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID";
            create.ExecuteNonQuery();
        }

        using var transaction = sqlite.BeginTransaction();
        using var insert = sqlite.CreateCommand();
        insert.CommandText = "INSERT OR REPLACE INTO answers (key, value) VALUES ($key, $value)";
        var key = insert.Parameters.Add("$key", SqliteType.Blob);
        var value = insert.Parameters.Add("$value", SqliteType.Blob);
        for (var i = 0; i < Answers; i++)
        {
            key.Value = KeyBytes(_keys[i]);
            value.Value = _values[i];
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    [Benchmark(Baseline = true)]
    public long OneFileAndItsIndex()
    {
        long bytes = 0;
        using var cache = BuildCache.Open(Path.Combine(_root, "one-file"), read: true, write: true);
        Parallel.For(0, Answers, i =>
        {
            if (cache.TryGet(Query, _keys[i], out var value))
            {
                Interlocked.Add(ref bytes, value.Length);
            }
        });

        for (var i = 0; i < 3; i++)
        {
            cache.Put(Query, _keys[i], _values[^(i + 1)]);
        }

        cache.Save(buildFailed: false);
        return bytes;
    }

    [Benchmark]
    public long FolderOfBlobs()
    {
        long bytes = 0;
        var blobs = Path.Combine(_root, "blobs");
        Parallel.For(0, Answers, i => Interlocked.Add(ref bytes, File.ReadAllBytes(BlobPath(blobs, _keys[i])).Length));
        for (var i = 0; i < 3; i++)
        {
            var path = BlobPath(blobs, _keys[i]);
            File.WriteAllBytes(path + ".tmp", _values[^(i + 1)]);
            File.Move(path + ".tmp", path, overwrite: true);
        }

        return bytes;
    }

    [Benchmark]
    public long Sqlite()
    {
        long bytes = 0;
        using var sqlite = OpenSqlite();
        using (var select = sqlite.CreateCommand())
        {
            select.CommandText = "SELECT value FROM answers WHERE key = $key";
            var key = select.Parameters.Add("$key", SqliteType.Blob);
            for (var i = 0; i < Answers; i++)
            {
                key.Value = KeyBytes(_keys[i]);
                bytes += ((byte[])select.ExecuteScalar()!).Length;
            }
        }

        using var transaction = sqlite.BeginTransaction();
        using var insert = sqlite.CreateCommand();
        insert.CommandText = "INSERT OR REPLACE INTO answers (key, value) VALUES ($key, $value)";
        var k = insert.Parameters.Add("$key", SqliteType.Blob);
        var v = insert.Parameters.Add("$value", SqliteType.Blob);
        for (var i = 0; i < 3; i++)
        {
            k.Value = KeyBytes(_keys[i]);
            v.Value = _values[^(i + 1)];
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        return bytes;
    }

    private SqliteConnection OpenSqlite()
    {
        Directory.CreateDirectory(_root);
        var connection = new SqliteConnection($"Data Source={Path.Combine(_root, "cache.db")}");
        connection.Open();
        return connection;
    }

    private static byte[] KeyBytes(Hash128 key)
    {
        var bytes = new byte[16];
        key.Write(bytes);
        return bytes;
    }

    private static string BlobPath(string root, Hash128 key)
    {
        var name = key.ToString();
        return Path.Combine(root, name[..2], name[2..]);
    }
}
