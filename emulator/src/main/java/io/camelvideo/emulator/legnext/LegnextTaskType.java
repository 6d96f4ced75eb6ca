package io.camelvideo.emulator.legnext;

/**
 * The Legnext job-creating endpoints (legnext-api.md §2), with the {@code task_type} the emulator
 * reports, the points a job freezes and its typical processing time (§4).
 */
public enum LegnextTaskType {
    DIFFUSION("diffusion", "diffusion", Output.IMAGE_GRID, 80, 40),
    VARIATION("variation", "variation", Output.IMAGE_GRID, 80, 75),
    UPSCALE("upscale", "upscale", Output.SINGLE_IMAGE, 40, 100),
    REROLL("reroll", "reroll", Output.IMAGE_GRID, 80, 75),
    BLEND("blend", "blend", Output.IMAGE_GRID, 80, 75),
    DESCRIBE("describe", "describe", Output.TEXT, 20, 45),
    SHORTEN("shorten", "shorten", Output.TEXT, 20, 30),
    PAN("pan", "pan", Output.IMAGE_GRID, 80, 100),
    OUTPAINT("outpaint", "outpaint", Output.IMAGE_GRID, 80, 100),
    INPAINT("inpaint", "inpaint", Output.IMAGE_GRID, 80, 100),
    REMIX("remix", "remix", Output.IMAGE_GRID, 80, 100),
    VIDEO_DIFFUSION("video-diffusion", "video_diffusion", Output.VIDEO, 480, 240),
    EXTEND_VIDEO("extend-video", "extend_video", Output.VIDEO, 480, 150),
    VIDEO_UPSCALE("video-upscale", "video_upscale", Output.VIDEO, 480, 300),
    // legnext-api-current.md §1–§6: task types as seen live (remove_background) or guessed from them; points as listed
    RETEXTURE("retexture", "retexture", Output.IMAGE_GRID, 120, 60),
    REMOVE_BACKGROUND("remove-background", "remove_background", Output.SINGLE_IMAGE, 80, 18),
    ENHANCE("enhance", "enhance", Output.IMAGE_GRID, 80, 60),
    /** Points by target resolution (120 to 540); the emulator freezes the 2K price. */
    ENHANCE_UPSCALE("enhance-upscale", "enhance_upscale", Output.SINGLE_IMAGE, 120, 40),
    EDIT("edit", "edit", Output.IMAGE_GRID, 80, 100),
    UPLOAD_PAINT("upload-paint", "upload_paint", Output.IMAGE_GRID, 80, 100);

    /** The shape of a job's {@code output}. */
    public enum Output { IMAGE_GRID, SINGLE_IMAGE, TEXT, VIDEO }

    private final String path;
    private final String wire;
    private final Output output;
    private final int points;
    private final int typicalSeconds;

    LegnextTaskType(String path, String wire, Output output, int points, int typicalSeconds) {
        this.path = path;
        this.wire = wire;
        this.output = output;
        this.points = points;
        this.typicalSeconds = typicalSeconds;
    }

    /** The endpoint below {@code /api/v1/}. */
    public String path() {
        return path;
    }

    /** The {@code task_type} value of the job object. */
    public String wire() {
        return wire;
    }

    public Output output() {
        return output;
    }

    public int points() {
        return points;
    }

    public int typicalSeconds() {
        return typicalSeconds;
    }

    public static LegnextTaskType ofPath(String path) {
        for (LegnextTaskType type : values()) {
            if (type.path.equals(path)) {
                return type;
            }
        }
        return null;
    }
}
