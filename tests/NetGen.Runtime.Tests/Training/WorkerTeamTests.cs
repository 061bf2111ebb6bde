using System;
using System.Threading;
using NetGen.Training;
using Xunit;

namespace NetGen.Runtime.Tests.Training;

/// <summary>
/// The worker team under many short runs: every task of every phase runs exactly once, the after-phase action once,
/// after the phase's last task and before any task of the next phase; an escaped exception is rethrown and the team
/// keeps working.
/// </summary>
public class WorkerTeamTests
{
    [Fact]
    public void Every_task_runs_once_per_run_and_the_after_phase_action_sits_between_the_phases()
    {
        const int size = 3, runs = 3000;
        int[,] counts = new int[2, size];
        int afterPhase0 = 0, afterPhase1 = 0, misordered = 0;
        using var team = new WorkerTeam(
            size,
            phases: 2,
            (phase, task) =>
            {
                if (phase == 1 && Volatile.Read(ref afterPhase0) == 0)
                {
                    Interlocked.Increment(ref misordered);
                }

                Interlocked.Increment(ref counts[phase, task]);
            },
            phase =>
            {
                if (phase == 0)
                {
                    afterPhase0++;
                }
                else
                {
                    afterPhase1++;
                }
            },
            "test worker");

        for (int run = 0; run < runs; run++)
        {
            int tasks = 1 + (run % size);
            Array.Clear(counts);
            afterPhase0 = afterPhase1 = 0;

            team.Run(tasks);

            for (int phase = 0; phase < 2; phase++)
            {
                for (int task = 0; task < size; task++)
                {
                    Assert.Equal(task < tasks ? 1 : 0, counts[phase, task]);
                }
            }

            Assert.Equal(1, afterPhase0);
            Assert.Equal(1, afterPhase1);
        }

        Assert.Equal(0, misordered);
    }

    [Fact]
    public void An_exception_of_a_task_is_rethrown_after_the_run_and_the_team_keeps_working()
    {
        int completed = 0;
        bool fail = true;
        using var team = new WorkerTeam(
            2,
            phases: 1,
            (_, task) =>
            {
                if (fail && task == 1)
                {
                    throw new InvalidOperationException("task 1 failed");
                }

                Interlocked.Increment(ref completed);
            },
            afterPhase: null,
            "test worker");

        var exception = Assert.Throws<InvalidOperationException>(() => team.Run(2));
        Assert.Equal("task 1 failed", exception.Message);
        Assert.Equal(1, completed);

        fail = false;
        team.Run(2);
        Assert.Equal(3, completed);
    }

    [Theory]
    [InlineData(150, 2, new[] { 0, 64, 150 })]
    [InlineData(32, 2, new[] { 0, 16, 32 })]
    [InlineData(150, 3, new[] { 0, 48, 96, 150 })]
    [InlineData(20, 2, new[] { 0, 0, 20 })]
    [InlineData(256, 2, new[] { 0, 128, 256 })]
    public void Shards_are_contiguous_cuts_at_multiples_of_16_samples(int total, int parts, int[] cuts)
    {
        for (int part = 0; part < parts; part++)
        {
            Assert.Equal((cuts[part], cuts[part + 1] - cuts[part]), Parallelism.Shard(total, part, parts));
        }
    }
}
